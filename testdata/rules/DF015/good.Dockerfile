FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
# ADD is the right tool to unpack a local tar archive and to fetch with a checksum.
ADD vendor.tar.gz /app/vendor/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/data.bin /app/
# The file name comes from an ARG default: an archive.
ARG DIST=dist.tgz
ADD ${DIST} /opt/
# A build argument without a default may be an archive.
ARG BUNDLE
ADD ${BUNDLE} /opt/
USER 1000
