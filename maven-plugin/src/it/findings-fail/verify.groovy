import dev.faultline.fixtures.SarifChecks

def log = new File(basedir, 'build.log').text
def template = new File(basedir, 'infra/app.yaml').canonicalPath
// compiler-style: [WARNING] /abs/path/infra/app.yaml:[line,col] FL-SQS-001 message
assert log.contains("[WARNING] ${template}:[4,3] FL-SQS-001 Queue 'OrdersQueue' is consumed by function 'Worker' but has no RedrivePolicy") : 'no compiler-style FL-SQS-001 line'
assert log.contains('Faultline: 1 file linted, 1 finding (0 error, 1 warning, 0 info), 0 suppressed')
assert log.contains("on project findings-fail: Faultline found 1 violation at or above severity 'warning'; reports are in target/faultline")
assert log.contains('BUILD FAILURE')

// the reports are written even though the build fails; the SARIF is valid for GitHub code scanning
def sarif = new File(basedir, 'target/faultline/faultline.sarif')
assert sarif.isFile()
def problems = SarifChecks.problems(sarif.text)
assert problems.isEmpty() : problems.join('\n')
assert sarif.text.contains('"ruleId" : "FL-SQS-001"')
assert sarif.text.contains('"uri" : "infra/app.yaml"')
def junit = new File(basedir, 'target/faultline/faultline-junit.xml')
assert junit.isFile() && junit.text.contains('FL-SQS-001')
// GitHub annotations go to standard output, at the start of a line
assert log.contains('\n::warning file=infra/app.yaml,line=4,')
return true
