FROM python:3.12-slim
WORKDIR /app
# want: DF015
ADD requirements.txt .
# want: DF015
ADD --chown=1000:1000 src/ conf/app.ini /app/
USER 1000
