# Production image: gunicorn on Python 3.11 slim, non-root, static files collected at build.
# Build: docker build -t jiulongpo .   Run: see README, "Deployment / scale-out".

FROM node:22-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
# Only the runtime package (Leaflet); the checkers in devDependencies stay out.
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
# The production lock: the site's dependencies without the test and lint tools.
COPY requirements-prod.lock /tmp/requirements-prod.lock
RUN /venv/bin/pip install -r /tmp/requirements-prod.lock
WORKDIR /app
COPY . .
COPY --from=frontend /app/node_modules/leaflet /app/node_modules/leaflet
# Dummy settings, for the build only: nothing here reaches the running container's settings.
RUN DEBUG=0 SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-build-only \
    ALLOWED_HOSTS=build.invalid DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    sh -c '/venv/bin/python manage.py collectstatic --noinput -v0 \
    && if [ -d locale ]; then /venv/bin/python manage.py compilemessages -v0 --ignore=node_modules; fi'

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DEBUG=0 MEDIA_ROOT=/app/media CACHE_DIR=/tmp/jiulongpo-cache GUNICORN_BIND=0.0.0.0:8000
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
COPY --from=build /venv /venv
COPY --from=build --chown=root:root /app /app
WORKDIR /app
RUN mkdir -p /app/media && chown app /app/media
USER app
EXPOSE 8000
# /healthz through the same host name and scheme the reverse proxy uses (first ALLOWED_HOSTS).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD python -c "\
import os, sys, urllib.request; \
host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip(); \
request = urllib.request.Request('http://127.0.0.1:8000/healthz', \
    headers={'Host': host, 'X-Forwarded-Proto': 'https'}); \
sys.exit(0 if urllib.request.urlopen(request, timeout=4).status == 200 else 1)"
CMD ["gunicorn", "jiulongpo.wsgi", "-c", "gunicorn.conf.py", "--no-control-socket"]
