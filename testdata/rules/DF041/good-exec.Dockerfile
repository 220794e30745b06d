FROM python:3.12-slim
USER 1000
CMD exec gunicorn --bind 0.0.0.0:$PORT app:app
