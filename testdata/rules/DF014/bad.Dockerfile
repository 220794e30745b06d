FROM debian:12-slim
# want: DF014
ADD https://github.com/example/tool/releases/download/v1.2.3/tool-linux-amd64 /usr/local/bin/tool
# want: DF014
ADD --chmod=755 https://github.com/example/app.git#v2.0.0 /src
USER 1000
