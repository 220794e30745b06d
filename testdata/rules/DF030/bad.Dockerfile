FROM python:3.12-slim
RUN apt-get update \
    # want: DF030
 && apt-get install -y --no-install-recommends \
      curl=7.88.1-10+deb12u8 \
      git \
 && rm -rf /var/lib/apt/lists/*
# want: DF030
RUN pip install --no-cache-dir flask gunicorn==23.0.0
# want: DF030
RUN npm install -g @angular/cli
USER 1000
