import dev.faultline.fixtures.SarifChecks

def log = new File(basedir, 'build.log').text
assert log.contains('Faultline: 1 file linted, 0 findings (0 error, 0 warning, 0 info), 0 suppressed')
assert log.contains('Faultline: wrote target/faultline/faultline.sarif')
assert log.contains('Faultline: wrote target/faultline/faultline.txt')
assert log.contains('BUILD SUCCESS')
// text and SARIF are the default formats; an empty run is still a valid log
def problems = SarifChecks.problems(new File(basedir, 'target/faultline/faultline.sarif').text)
assert problems.isEmpty() : problems.join('\n')
return true
