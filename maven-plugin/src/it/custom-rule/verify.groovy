def log = new File(basedir, 'build.log').text
def template = new File(basedir, 'infra/app.yaml').canonicalPath
// the plugin rule reports like a built-in one (built-in rules may report on the template too)
assert log.contains("[WARNING] ${template}:[9,3] ACME-SQS-001 Dead-letter queue 'OrdersDlq' of 'Orders' keeps messages 345600 s (the default), less than the 1209600 s ACME requires") : 'no ACME-SQS-001 finding'
assert log =~ /Faultline: 1 file linted, \d+ findings? /
assert log.contains('BUILD FAILURE')
def sarif = new File(basedir, 'target/faultline/faultline.sarif')
assert sarif.isFile()
assert sarif.text.contains('"id" : "ACME-SQS-001"')
assert sarif.text.contains('"ruleId" : "ACME-SQS-001"')
return true
