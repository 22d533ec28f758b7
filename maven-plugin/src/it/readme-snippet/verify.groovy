def log = new File(basedir, 'build.log').text
assert log.contains('Faultline: 1 file linted, 0 findings (0 error, 0 warning, 0 info), 0 suppressed')
assert log.contains('BUILD SUCCESS')
return true
