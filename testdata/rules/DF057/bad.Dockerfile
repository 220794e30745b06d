ARG MIRROR=http://mirror.example.org/pub
FROM debian:12-slim
ARG MIRROR
ENV TOOL_URL=${MIRROR}/tool-1.2.tar.gz
# want: DF057
ADD http://downloads.example.org/app-1.0.tar.gz /tmp/
# want: DF057
ADD ${TOOL_URL} /tmp/tool.tar.gz
# want: DF057
RUN curl -fsSLo /tmp/x.tgz http://downloads.example.org/x.tgz && tar -xzf /tmp/x.tgz -C /opt
RUN set -e \
    # want: DF057
    && wget -q -O /tmp/tool.tgz "$TOOL_URL" \
    && tar -xzf /tmp/tool.tgz -C /opt
# want: DF057
RUN sudo curl -fsSL --url HTTP://downloads.example.org/install.sh -o /tmp/install.sh
# want: DF057
RUN sh -c 'curl -fsSL ${MIRROR}/get.sh -o /tmp/get.sh'
RUN <<EOF
# want: DF057
wget ftp://ftp.example.org/pub/data.csv
EOF
ONBUILD RUN set -e; \
    # want: DF057
    curl -fsSLO "$TOOL_URL"
USER 1000
