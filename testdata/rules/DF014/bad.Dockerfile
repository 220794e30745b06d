ARG TOOL_BASE=https://github.com/example/tool/releases/download
FROM debian:12-slim
ARG TOOL_BASE
ARG TOOL_VERSION=v1.2.3
ENV TOOL_URL="${TOOL_BASE}/${TOOL_VERSION}/tool-linux-amd64"
# want: DF014
ADD ${TOOL_URL} /usr/local/bin/tool
# want: DF014
ADD "$TOOL_BASE/$TOOL_VERSION/tool.sig" /tmp/
# want: DF014
ADD https://github.com/example/tool/releases/download/v1.2.3/tool-linux-amd64 /usr/local/bin/tool
# want: DF014
ADD --chmod=755 https://github.com/example/app.git#v2.0.0 /src
USER 1000
