FROM debian:12-slim
WORKDIR /src
RUN make -C /src
RUN sh -c 'cd /src && make install'
RUN <<EOF
set -e
cd /src
make
EOF
USER 1000
