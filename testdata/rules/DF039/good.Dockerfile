FROM debian:12-slim
WORKDIR /src
RUN make -C /src
RUN sh -c 'cd /src && make install'
RUN <<EOF
set -e
cd /src
make
EOF
# Building in a directory that the same RUN removes again: WORKDIR would leave it behind.
RUN mkdir -p /usr/src/tool \
 && cd /usr/src/tool \
 && make install \
 && cd / \
 && rm -rf /usr/src/tool
RUN tmp="$(mktemp -d)" && cd "$tmp" && tar -xf /src.tar && cd src-1.0 && make && cd - && rm -rf "$tmp"
USER 1000
