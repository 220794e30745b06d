FROM python:3.12-slim
CMD ["python", "old.py"]
USER 1000
# want: DF041
CMD gunicorn --bind 0.0.0.0:8000 app:app
