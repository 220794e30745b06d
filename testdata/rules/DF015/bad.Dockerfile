FROM python:3.12-slim
WORKDIR /app
# want: DF015
ADD requirements.txt .
# want: DF015
ADD --chown=1000:1000 src/ conf/app.ini /app/
ARG CONFIG=conf/app.ini
ENV APP_JAR=build/app.jar
# want: DF015
ADD ${APP_JAR} $CONFIG /app/
USER 1000
