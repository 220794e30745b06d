FROM alpine:3.20
COPY tool.apk /tmp/
# want: DF010
RUN apk add --no-cache --allow-untrusted /tmp/tool.apk
USER 1000
