FROM alpine:3.20
# want: DF005
RUN curl -fsSLk -o /tmp/app.tgz https://downloads.example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt
RUN set -eux; \
    # want: DF005
    wget -q \
        -O /usr/local/bin/tool https://downloads.example.com/tool
# want: DF005
RUN ["/usr/bin/curl", "--insecure", "-o", "/x", "https://example.com/x"]
USER 1000
