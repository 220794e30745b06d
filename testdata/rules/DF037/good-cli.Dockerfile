# A command-line tool serves nothing: there is nothing for a health check to probe.
FROM python:3.12-slim
RUN pip install --no-cache-dir certbot==2.11.0
USER 1000
ENTRYPOINT ["certbot"]
