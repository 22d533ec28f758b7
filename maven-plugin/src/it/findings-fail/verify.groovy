def log = new File(basedir, 'build.log').text
def template = new File(basedir, 'infra/app.yaml').canonicalPath
// compiler-style: [WARNING] /abs/path/infra/app.yaml:[line,col] FL-SQS-001 message
assert log.contains("[WARNING] ${template}:[4,3] FL-SQS-001 ") : 'no compiler-style FL-SQS-001 line'
assert log.contains('Faultline: 1 file linted, 1 finding (0 error, 1 warning, 0 info), 0 suppressed')
assert log.contains("Faultline found 1 violation at or above severity 'warning'; reports are in target/faultline")
assert log.contains('BUILD FAILURE')
return true
