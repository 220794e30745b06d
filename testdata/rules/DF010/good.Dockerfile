FROM alpine:3.20
COPY keys/builder.rsa.pub /etc/apk/keys/
COPY tool.apk /tmp/
RUN apk add --no-cache /tmp/tool.apk && echo "never use --allow-untrusted"
USER 1000
