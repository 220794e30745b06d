FROM python:3.12-slim
# want: DF011
RUN pip install --no-cache-dir --trusted-host pypi.example.com -r requirements.txt
# want: DF011
RUN python3 -m pip install --no-cache-dir -i http://mirror.example.com/simple flask==3.0.3
# want: DF011
RUN pip config set global.trusted-host "pypi.example.com"
USER 1000
