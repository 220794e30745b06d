FROM alpine:3.20
COPY keys/builder.rsa.pub /etc/apk/keys/
COPY tool.apk /tmp/
RUN apk add --no-cache /tmp/tool.apk && echo "never use --allow-untrusted"
# Packages built in an earlier stage of this build are installed from local files.
COPY --from=build /packages/ /tmp/packages/
RUN apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-*.apk
USER 1000
