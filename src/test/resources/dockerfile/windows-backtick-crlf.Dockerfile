# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN New-Item -ItemType Directory C:\app ; `
    # comment inside a continuation

    Set-Location C:\app
COPY app\ C:\app\
ENV PATH="C:\app;${PATH}" `
    HOME=C:\Users\app
ENTRYPOINT ["C:\\app\\run.exe"]
