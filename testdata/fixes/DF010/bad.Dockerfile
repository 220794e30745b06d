FROM alpine:3.20
# want: DF010
RUN apk add --no-cache --repository http://repo.example.com/alpine/v3.20/main tool
RUN apk add --no-cache \
    # want: DF010
 && apk add https://example.com/packages/tool-1.0-r0.apk
USER 1000
