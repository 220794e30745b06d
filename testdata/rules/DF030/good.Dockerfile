FROM python:3.12-slim
ARG PACKAGES="curl git"
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 ./vendor/tool.deb ${PACKAGES} && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir -r requirements.txt . ./libs/common "flask>=3,<4"
RUN pip install --no-cache-dir -c constraints.txt flask
RUN npm install -g @angular/cli@18.2.0 && npm ci
RUN gem install bundler -v 2.5.0
USER 1000
