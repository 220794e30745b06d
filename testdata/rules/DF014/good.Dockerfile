ARG TOOL_URL=https://github.com/example/tool/releases/download/v1.2.3/tool-linux-amd64
ARG LOCAL_ARCHIVE=rootfs.tar.gz
FROM debian:12-slim
ARG LOCAL_ARCHIVE
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d ${TOOL_URL} /usr/local/bin/tool
# The global ARG is not declared again in this stage: Docker leaves it empty here.
ADD ${TOOL_URL}tool.tar.gz /opt/
ADD ${LOCAL_ARCHIVE} /
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/example/tool/releases/download/v1.2.3/tool-linux-amd64 /usr/local/bin/tool
ADD https://github.com/example/app.git#2f1e3c4b5a69788776655443322110ffeeddccbb /src
# A local archive is not a download.
ADD rootfs.tar.gz /
USER 1000
