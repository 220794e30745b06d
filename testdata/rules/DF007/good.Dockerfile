FROM node:22-slim
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 NODE_EXTRA_CA_CERTS=/etc/ssl/corp.pem
# An ARG with no value sets nothing until a build argument is passed.
ARG GIT_SSL_NO_VERIFY
ENV GOSUMDB=sum.golang.org
RUN PYTHONHTTPSVERIFY=1 python3 /opt/fetch.py
USER node
