RU: dict[str, str] = {}
