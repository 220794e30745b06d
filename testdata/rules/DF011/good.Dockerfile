FROM python:3.12-slim
RUN pip install --no-cache-dir --cert /etc/ssl/corp.pem --index-url https://mirror.example.com/simple -r requirements.txt
RUN pip install --no-cache-dir --extra-index-url http://localhost:3141/simple flask==3.0.3
USER 1000
