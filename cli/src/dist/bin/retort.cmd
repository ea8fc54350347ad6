@echo off
rem retort: the Retort command line on Windows. Usage: retort [options] <command> (retort --help).
rem The JVM starts fast rather than peaks (C1 only, the serial collector): a CLI run is short.
rem JAVA_HOME picks the JVM (else java on the PATH); RETORT_JAVA_OPTS adds JVM options.
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dretort.launcher=retort.cmd %RETORT_JAVA_OPTS% -jar "%~dp0..\lib\retort.jar" %*
exit /b %ERRORLEVEL%
