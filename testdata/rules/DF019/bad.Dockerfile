FROM alpine/git:2.45.2 AS src
# want: DF019
RUN git clone https://deploy:Xk29fj3LmQ7p@git.example.com/org/app.git /src
FROM python:3.12-slim
# want: DF019
ENV DATABASE_URL=postgres://app:Zq81mPw4@db:5432/app
RUN pip install --no-cache-dir requests==2.32.3 \
 # want: DF019
 && curl -fsSL -u admin:Tr0ub4dor3 -o /tmp/report https://reports.example.com/latest
USER 1000
