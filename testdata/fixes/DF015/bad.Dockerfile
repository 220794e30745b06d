FROM python:3.12-slim
WORKDIR /app
# want: DF015
COPY requirements.txt .
# want: DF015
COPY --chown=1000:1000 src/ conf/app.ini /app/
ARG CONFIG=conf/app.ini
ENV APP_JAR=build/app.jar
# want: DF015
COPY ${APP_JAR} $CONFIG /app/
USER 1000
