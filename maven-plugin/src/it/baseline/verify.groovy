def log = new File(basedir, 'build.log').text
assert log.contains('Faultline: 1 file linted, 0 findings (0 error, 0 warning, 0 info), 1 suppressed')
assert !log.contains('FL-SQS-001 Queue')
assert log.contains('BUILD SUCCESS')
// suppressed findings stay in the SARIF, marked, so code scanning shows them as dismissed
def sarif = new File(basedir, 'target/faultline/faultline.sarif').text
assert sarif.contains('"ruleId" : "FL-SQS-001"')
assert sarif.contains('"suppressions"')
return true
