FROM node:22-slim
# want: DF007
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
# want: DF007
ARG GIT_SSL_NO_VERIFY=true
# want: DF007
RUN PYTHONHTTPSVERIFY=0 python3 /opt/fetch.py
RUN set -e; \
    # want: DF007
    export NPM_CONFIG_STRICT_SSL=false; \
    npm ci
USER node
