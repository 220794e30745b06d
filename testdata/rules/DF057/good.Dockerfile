ARG MIRROR=https://mirror.example.org/pub
FROM debian:12-slim
ARG MIRROR
ENV TOOL_URL=${MIRROR}/tool-1.2.tar.gz
ADD https://downloads.example.org/app-1.0.tar.gz /tmp/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d http://downloads.example.org/app-1.0.tar.gz /tmp/
ADD ${TOOL_URL} /tmp/tool.tar.gz
RUN curl -fsSLo /tmp/x.tgz https://downloads.example.org/x.tgz && tar -xzf /tmp/x.tgz -C /opt
# A proxy or referer over http is not what is downloaded.
RUN curl -x http://proxy.internal:3128 -e http://example.org -fsSLO https://downloads.example.org/y.tgz
RUN wget -e http_proxy=http://proxy.internal:3128 -q https://downloads.example.org/z.tgz
# Checked against a pinned digest before use.
RUN wget -q http://downloads.example.org/w.tgz \
    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  w.tgz" | sha256sum -c - \
    && tar -xzf w.tgz
# Loopback and the metadata service.
RUN curl -fsS http://localhost:8080/ready || curl -fsS http://169.254.169.254/latest/meta-data/
USER 1000
