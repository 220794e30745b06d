FROM python:3.12-slim
RUN pip install --no-cache-dir -r requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3
RUN pip install gunicorn==23.0.0 && rm -rf /root/.cache
USER 1000
