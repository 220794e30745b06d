FROM python:3.12-slim AS test
# Builder stages do not run.
CMD pytest -q
FROM python:3.12-slim
# Overridden by the JSON-form CMD below.
CMD python app.py
USER 1000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
