FROM python:3.12-slim
# want: DF038
WORKDIR app
USER 1000
