FROM alpine/git:2.45.2 AS src
# want: DF019
RUN git clone https://deploy:Xk29fj3LmQ7p@git.example.com/org/app.git /src
FROM python:3.12-slim
# want: DF019
ENV DATABASE_URL=postgres://app:Zq81mPw4@db:5432/app
RUN pip install --no-cache-dir requests==2.32.3 \
 # want: DF019
 && curl -fsSL -u admin:Tr0ub4dor3 -o /tmp/report https://reports.example.com/latest
ARG GIT_USER=deploy
ARG GIT_PASSWORD=Xk29fj3LmQ7p
# want: DF019
RUN git clone "https://${GIT_USER}:${GIT_PASSWORD}@git.example.com/org/app.git" /src
# want: DF019
ENV REPO_URL=https://deploy:Xk29fj3LmQ7p@git.example.com/org/lib.git
# Reported where it is written, not again where it is used.
RUN git clone "$REPO_URL" /lib
USER 1000
