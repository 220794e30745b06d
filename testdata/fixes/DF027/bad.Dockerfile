FROM python:3.12-slim
# want: DF027
RUN pip install --no-cache-dir -r requirements.txt
RUN set -e \
    # want: DF027
 && python3 -m pip install --no-cache-dir --upgrade pip==24.2
USER 1000
