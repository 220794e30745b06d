FROM alpine:3.20
# want: DF026
RUN apk update && apk add --no-cache curl
RUN set -eux; \
    # want: DF026
    apk add --no-cache --virtual .build-deps gcc musl-dev; \
    apk del .build-deps
USER 1000
