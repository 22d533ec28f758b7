def log = new File(basedir, 'build.log').text
assert log.contains('Faultline: skipped (faultline.skip)')
assert !log.contains('FL-SQS-001')
assert !new File(basedir, 'target/faultline').exists()
assert log.contains('BUILD SUCCESS')
return true
