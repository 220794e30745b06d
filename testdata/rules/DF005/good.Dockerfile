FROM alpine:3.20
# -K reads a config file; -o names an output file; a kill -k is not a download.
RUN curl -fsSL -K /etc/curlrc -o /tmp/app.tgz https://downloads.example.com/app.tgz
RUN wget -q --ca-certificate=/etc/ssl/corp.pem -O /tmp/x https://internal.example.com/x
RUN wget --check-certificate=on -O /tmp/y https://example.com/y
USER 1000
