FROM alpine/git:2.45.2 AS src
RUN --mount=type=secret,id=token,env=GIT_TOKEN git clone https://x-access-token:${GIT_TOKEN}@github.com/org/app.git /src
RUN git clone git@github.com:org/lib.git /lib
FROM python:3.12-slim
ENV DATABASE_URL=postgres://app@db:5432/app
ENV DOCS_URL=https://user:password@example.com/
RUN curl -fsSL -u "admin:$REPORT_PASSWORD" -o /tmp/report https://reports.example.com/latest
USER 1000
