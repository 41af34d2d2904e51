"""The interface language: chosen in the settings or taken from the system, applied with Qt's own translators.

``install_translators(app)`` must run before the first widget is built: it loads the app's compiled
translation (corridor_app/resources/translations/corridor_app_<lang>.qm, built by
tools/update_translations.py) and Qt's own ``qtbase_<lang>.qm`` (the buttons of message boxes and file
dialogs), and makes the language's locale the default, so numbers show as ``13,20`` and ``1 234,50`` in
Russian (number_format.py). The choice is stored under ``ui/language``; changing it takes effect at the
next start (``add_language_menu``), as in most desktop programs: the widgets already built keep their text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from corridor_app.bundled import TRANSLATIONS
from corridor_app.ui.number_format import set_number_locale

LANGUAGE_KEY = "ui/language"
SOURCE_LANGUAGE = "en"
# Each language by its own name, as language menus show them.
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский"}
_CONTEXT = "LanguageMenu"
_installed: list[QTranslator] = []  # kept referenced: Qt does not own an installed translator
_running: list[str] = []  # the language install_translators last installed


# Where no translation exists but Russian is the common working language (Kazakh, Kyrgyz, Belarusian, Tajik).
RUSSIAN_SECOND = frozenset({"kk", "ky", "be", "tg"})


def system_language() -> str:
    """The system's first preferred language the app has (``LANG=ru_RU.UTF-8`` -> ``ru``).

    A Kazakh, Kyrgyz, Belarusian or Tajik system gets Russian; any other, English.
    """
    system = QLocale.system()
    for tag in system.uiLanguages():  # "ru-RU", "kk-KZ", ... (LANGUAGE=kk:ru lists both)
        code = tag.replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return code
    code = system.name().split("_")[0]
    return "ru" if code in RUSSIAN_SECOND else SOURCE_LANGUAGE


def chosen_language(settings: QSettings | None = None) -> str:
    """The language stored under ``ui/language`` if it is one the app has, else the system's."""
    value = (settings if settings is not None else QSettings()).value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def locale_for(language: str) -> QLocale:
    """The locale numbers follow: the system's when it speaks ``language`` (keeps ru_KZ, en_GB), else the language's.

    Russian on a Kazakh system is Russian as written in Kazakhstan (ru_KZ); English on a non-English
    system is English (United States), the format the app always showed.
    """
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    if language == SOURCE_LANGUAGE:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    local = QLocale(QLocale(language).language(), system.territory())
    return local if local.name().split("_")[0] == language else QLocale(language)


def app_translation(language: str) -> Path:
    """The app's compiled translation for ``language`` (may not exist: English needs none)."""
    return TRANSLATIONS / f"corridor_app_{language}.qm"


def qt_translations_dir() -> Path:
    """Where Qt's own .qm files are: Qt's configured path, else PySide6's wheel folder."""
    configured = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if configured.is_dir():
        return configured
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load the app's and Qt's translations for ``language`` (default: ``chosen_language()``); return it.

    Call it after the QApplication exists and before any widget is built. Calling it again replaces
    the previous translators (tests switch languages). A missing .qm leaves the English text, never an error.
    """
    language = language or chosen_language()
    _running[:] = [language]
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    set_number_locale(locale_for(language))
    catalogs = [(TRANSLATIONS, f"corridor_app_{language}")]  # English has one too: its plural forms
    if language != SOURCE_LANGUAGE:
        catalogs.insert(0, (qt_translations_dir(), f"qtbase_{language}"))
    for folder, name in catalogs:
        translator = QTranslator(app)
        if translator.load(name, str(folder)) and app.installTranslator(translator):
            _installed.append(translator)
    return language


def running_language() -> str:
    """The language the interface speaks now (English until ``install_translators`` ran)."""
    return _running[0] if _running else SOURCE_LANGUAGE


def installed_files() -> list[str]:
    """The .qm files now installed (for tests and the About box)."""
    return [t.filePath() for t in _installed]


def _in_language(language: str, text: str) -> str:
    """``text`` translated into ``language`` (not the running one): what the user just chose will read."""
    if language == SOURCE_LANGUAGE:
        return text
    translator = QTranslator()
    if translator.load(app_translation(language).name, str(TRANSLATIONS)):
        return translator.translate(_CONTEXT, text) or text
    return text


_RESTART = QT_TRANSLATE_NOOP("LanguageMenu", "The language changes when corridor_app is started again.")


def add_language_menu(
    menu: QMenu,
    settings: QSettings | None = None,
    parent: QWidget | None = None,
    on_chosen: Callable[[str], None] | None = None,
) -> QMenu:
    """Add a Language submenu to ``menu``: the system's language, then each language by its own name.

    The choice is stored under ``ui/language`` ("" for the system's) and applies at the next start; a
    message says so in the running language and, when different, in the chosen one. ``on_chosen``
    hears the stored value (the tests use it; the message is shown only when ``parent`` is given).
    """
    store = settings if settings is not None else QSettings()
    submenu = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    group = QActionGroup(submenu)
    group.setExclusive(True)
    stored = store.value(LANGUAGE_KEY)
    current = stored if isinstance(stored, str) and stored in LANGUAGES else ""
    system_name = LANGUAGES[system_language()]
    system_label = QCoreApplication.translate("LanguageMenu", "System language ({language})")
    choices = [("", system_label.format(language=system_name))]
    choices += [(code, name) for code, name in LANGUAGES.items()]
    for code, label in choices:
        action = QAction(label, submenu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        submenu.addAction(action)

    def chosen(action: QAction) -> None:
        code = str(action.data() or "")
        store.setValue(LANGUAGE_KEY, code)
        store.sync()
        if on_chosen is not None:
            on_chosen(code)
        if parent is not None:
            new = code or system_language()
            lines = [QCoreApplication.translate(_CONTEXT, _RESTART)]
            if (other := _in_language(new, _RESTART)) not in lines:
                lines.append(other)
            QMessageBox.information(parent, QCoreApplication.translate("LanguageMenu", "Language"), "\n\n".join(lines))

    group.triggered.connect(chosen)
    return submenu
