@echo off
rem Faultline launcher for Windows: runs lib\faultline.jar of this distribution with the java of
rem JAVA_HOME, else the first java on PATH (Java 17 or later). Paths are relative to the current directory.
setlocal
set "FAULTLINE_HOME=%~dp0.."
set "FAULTLINE_JAR=%FAULTLINE_HOME%\lib\faultline.jar"
if not exist "%FAULTLINE_JAR%" (
  echo faultline: %FAULTLINE_JAR% is missing; unpack the whole distribution ^(bin\ and lib\ side by side^) 1>&2
  exit /b 3
)
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
if defined JAVA_HOME if not exist "%JAVA_EXE%" (
  echo faultline: JAVA_HOME is %JAVA_HOME%, but %JAVA_EXE% does not exist; set JAVA_HOME to a Java 17 ^(or later^) installation 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java.exe >nul 2>nul || (
    echo faultline: Java 17 or later is needed, but no java is on PATH and JAVA_HOME is not set; install a JRE or JDK 17+ or set JAVA_HOME 1>&2
    exit /b 2
  )
)
rem a JVM older than 17 cannot load the jar: say so instead of printing a class version error
"%JAVA_EXE%" -version 2>&1 | findstr /r /c:"version \"1\.[0-9]*\." /c:"version \"9" /c:"version \"1[0-6][\".]" >nul && (
  echo faultline: Java 17 or later is needed, but %JAVA_EXE% is older; set JAVA_HOME to a Java 17+ installation 1>&2
  exit /b 2
)
"%JAVA_EXE%" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxTenuringThreshold=0 -Xmn48m %FAULTLINE_JAVA_OPTS% -jar "%FAULTLINE_JAR%" %*
exit /b %ERRORLEVEL%
