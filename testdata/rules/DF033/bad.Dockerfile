FROM debian:12-slim
COPY tool /usr/local/bin/tool
# want: DF033
RUN chmod u+s /usr/local/bin/tool
# want: DF033
COPY --chmod=4755 helper /usr/local/bin/helper
# want: DF033
RUN install -m 6755 /tmp/su-exec /usr/local/bin/su-exec
USER 1000
