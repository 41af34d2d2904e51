<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Basis</name>
    <message>
        <source>{0} in {1} meets the goal {2}</source>
        <translation>{0} в {1} г. — цель {2} достигнута</translation>
    </message>
    <message>
        <source>no figures yet: only the pacing applies</source>
        <translation>данных пока нет: действует только расчет темпа</translation>
    </message>
    <message>
        <source>one figure and no baseline: no pace to project</source>
        <translation>одно значение и нет базового: темп не рассчитать</translation>
    </message>
    <message>
        <source>{0} in {1} against {2} on the path</source>
        <translation>{0} в {1} г. при {2} по нужной траектории</translation>
    </message>
    <message>
        <source>at {0} a year the trend gives {1} in {2}, short of {3}</source>
        <translation>при {0} в год тренд дает {1} в {2} г., меньше цели {3}</translation>
    </message>
    <message>
        <source>at {0} a year the trend gives {1} in {2}</source>
        <translation>при {0} в год тренд дает {1} в {2} г.</translation>
    </message>
    <message>
        <source>no yearly figures from {0} on: only the pacing applies</source>
        <translation>нет годовых данных с {0} г.: действует только расчет темпа</translation>
    </message>
    <message>
        <source>{0} by {1} meets {2}</source>
        <translation>{0} к {1} г. — цель {2} достигнута</translation>
    </message>
    <message>
        <source>{0} by {1}; at {2} a year (mean of {3} years) {4} by {5}</source>
        <translation>{0} к {1} г.; при {2} в год (среднее за лет: {3}) — {4} к {5} г.</translation>
    </message>
    <message>
        <source>baseline {0} ({1}) reaches the target</source>
        <translation>базовое значение {0} ({1} г.) уже достигает цели</translation>
    </message>
    <message>
        <source>target year {0} has passed</source>
        <translation>целевой год {0} прошел</translation>
    </message>
    <message>
        <source>a percentage needs a baseline to pace</source>
        <translation>для процентного показателя темп считается только от базового значения</translation>
    </message>
    <message>
        <source>target year {0} is before {1}</source>
        <translation>целевой год {0} раньше {1}</translation>
    </message>
    <message>
        <source>{0} / {1} years ({2}–{3})</source>
        <translation>{0} / {1} (годы {2}–{3})</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Стало</translation>
    </message>
</context>
<context>
    <name>ChartArea</name>
    <message>
        <source>By country</source>
        <translation>По странам</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Доли</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>Targets pacing</source>
        <translation>Темпы</translation>
    </message>
    <message>
        <source>Targets over time</source>
        <translation>Цели по годам</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Corridors compared</source>
        <translation>Коридоры</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>По годам</translation>
    </message>
    <message>
        <source>Pinned: this chart stays when you change tables. Choose the table&apos;s own chart to follow again.</source>
        <translation>Закреплено: эта диаграмма остается при переходе к другой таблице. Выберите диаграмму таблицы, чтобы снова следовать за ней.</translation>
    </message>
</context>
<context>
    <name>ChartPicture</name>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Рисунок SVG</translation>
    </message>
    <message>
        <source>this tab has no chart to export</source>
        <translation>на этой вкладке нет диаграммы для экспорта</translation>
    </message>
    <message>
        <source>{name}: charts are exported as .png or .svg</source>
        <translation>{name}: диаграммы экспортируются в .png или .svg</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>percent</source>
        <translation>процент</translation>
    </message>
    <message>
        <source>override</source>
        <translation>заменить</translation>
    </message>
    <message>
        <source>add</source>
        <translation>добавить</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>исключить</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>примерно</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>level</source>
        <translation>уровень</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>накопленный</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Published total</source>
        <translation>Опубликованный итог</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Базовое значение</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>Базовый год</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>Целевой год</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <source>Length km</source>
        <translation>Протяженность, км</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Cost unit</source>
        <translation>Единица стоимости</translation>
    </message>
    <message>
        <source>Start year</source>
        <translation>Год начала</translation>
    </message>
    <message>
        <source>End year</source>
        <translation>Год окончания</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Units per USD</source>
        <translation>Курс к доллару</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>На дату</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Нижняя оценка</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Верхняя оценка</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>Приблизительно</translation>
    </message>
    <message>
        <source>Cost low</source>
        <translation>Стоимость, нижняя оценка</translation>
    </message>
    <message>
        <source>Cost high</source>
        <translation>Стоимость, верхняя оценка</translation>
    </message>
    <message>
        <source>Cost approximate</source>
        <translation>Стоимость приблизительно</translation>
    </message>
    <message>
        <source>Length low</source>
        <translation>Протяженность, нижняя оценка</translation>
    </message>
    <message>
        <source>Length high</source>
        <translation>Протяженность, верхняя оценка</translation>
    </message>
    <message>
        <source>Length approximate</source>
        <translation>Протяженность приблизительно</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Тип показателя</translation>
    </message>
</context>
<context>
    <name>ContributionsChart</name>
    <message>
        <source>residual</source>
        <translation>невязка</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Вклады</translation>
    </message>
    <message>
        <source>No contributions</source>
        <translation>Нет вкладов</translation>
    </message>
    <message>
        <source>{corridor}: contributions by country</source>
        <translation>{corridor}: вклады по странам</translation>
    </message>
    <message>
        <source>Residual {residual}{unit}
Sum of parts {parts} minus published total {total}</source>
        <translation>Невязка {residual}{unit}
Сумма частей {parts} минус опубликованный итог {total}</translation>
    </message>
    <message>
        <source>range {low} to {high}</source>
        <translation>диапазон от {low} до {high}</translation>
    </message>
    <message>
        <source>approximate figure</source>
        <translation>приблизительное значение</translation>
    </message>
    <message>
        <source>{share} % of the sum of parts</source>
        <translation>{share} % суммы частей</translation>
    </message>
    <message>
        <source>{share} % of the published total</source>
        <translation>{share} % опубликованного итога</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <source>No source given</source>
        <translation>Источник не указан</translation>
    </message>
</context>
<context>
    <name>CorridorComparisonChart</name>
    <message>
        <source>(no corridor)</source>
        <translation>(без коридора)</translation>
    </message>
    <message>
        <source>Contributions by country across corridors ({display})</source>
        <translation>Вклады стран по коридорам ({display})</translation>
    </message>
    <message>
        <source>{corridor}: sum of parts {parts}, no published total</source>
        <translation>{corridor}: сумма частей {parts}, опубликованного итога нет</translation>
    </message>
    <message>
        <source>{corridor}: sum of parts {parts} vs published {published}, residual {residual}, {verdict}</source>
        <translation>{corridor}: сумма частей {parts} при опубликованном итоге {published}, невязка {residual}, {verdict}</translation>
    </message>
    <message>
        <source>No contributions</source>
        <translation>Нет вкладов</translation>
    </message>
    <message>
        <source>Not in the bars ({count}):</source>
        <translation>Не показано на диаграмме ({count}):</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>нет суммы</translation>
    </message>
</context>
<context>
    <name>DisplayCurrencyBox</name>
    <message>
        <source>Display currency: amounts are converted through the FX sheet; without a rate they are excluded</source>
        <translation>Валюта отображения: суммы пересчитываются по листу курсов валют; без курса они исключаются</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Экспорт в Excel…</translation>
    </message>
    <message>
        <source>Write the report: summary, scenarios, tables and native Excel charts</source>
        <translation>Записать отчет: сводку, сценарии, таблицы и диаграммы Excel</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>Экспорт &amp;диаграммы…</translation>
    </message>
    <message>
        <source>Save the chart of the current chart tab as PNG or SVG</source>
        <translation>Сохранить диаграмму текущей вкладки в PNG или SVG</translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation>Экспорт уже выполняется</translation>
    </message>
    <message>
        <source>{name} report.xlsx</source>
        <translation>{name} отчет.xlsx</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Экспорт в Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>That is the workbook itself. Choose another name for the report.</source>
        <translation>Это сама рабочая книга. Выберите для отчета другое имя.</translation>
    </message>
    <message>
        <source>Preparing the export of {name}…</source>
        <translation>Подготовка экспорта {name}…</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>Экспорт {name}…</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Отмена экспорта…</translation>
    </message>
    <message>
        <source>The export had finished before the cancel. </source>
        <translation>Экспорт завершился до отмены. </translation>
    </message>
    <message>
        <source>Export cancelled; the previous file is unchanged</source>
        <translation>Экспорт отменен; прежний файл не изменен</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written</source>
        <translation>Экспорт отменен; файл не записан</translation>
    </message>
    <message>
        <source>{name}: the report could not be written ({error}); nothing was changed</source>
        <translation>{name}: не удалось записать отчет ({error}); ничего не изменено</translation>
    </message>
    <message>
        <source>Export failed: {name}</source>
        <translation>Ошибка экспорта: {name}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Не удалось экспортировать</translation>
    </message>
    <message>
        <source>Report written: {name}</source>
        <translation>Отчет записан: {name}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Open the folder of the report in the file manager</source>
        <translation>Открыть папку с отчетом в файловом менеджере</translation>
    </message>
    <message>
        <source>This tab has no chart to export</source>
        <translation>На этой вкладке нет диаграммы для экспорта</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Экспорт диаграммы</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Запись {name}…</translation>
    </message>
    <message>
        <source>Chart written: {name}</source>
        <translation>Диаграмма записана: {name}</translation>
    </message>
    <message>
        <source>{name}: the chart could not be written ({error})</source>
        <translation>{name}: не удалось записать диаграмму ({error})</translation>
    </message>
    <message>
        <source>Cannot export chart</source>
        <translation>Не удалось экспортировать диаграмму</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>Экспорт в Excel</translation>
    </message>
    <message>
        <source>Report: &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;&lt;small&gt;in {folder}&lt;/small&gt;</source>
        <translation>Отчет: &lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;&lt;small&gt;в папке {folder}&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Scenarios to compare ({corridor})</source>
        <translation>Сценарии для сравнения ({corridor})</translation>
    </message>
    <message>
        <source>no corridor</source>
        <translation>без коридора</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ни одного</translation>
    </message>
    <message>
        <source>The workbook defines no scenarios; the report has no Scenario summary.</source>
        <translation>В книге нет сценариев; сводки по сценариям в отчете не будет.</translation>
    </message>
    <message>
        <source>Place pictures of the on-screen charts next to the native charts</source>
        <translation>Поместить рядом с диаграммами Excel изображения диаграмм с экрана</translation>
    </message>
    <message>
        <source>The native Excel charts are always written and follow the report&apos;s numbers;
the pictures show the charts exactly as they look in the app.</source>
        <translation>Диаграммы Excel записываются всегда и следуют за числами отчета;
изображения показывают диаграммы точно такими, как в программе.</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>Язык отчета:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
</context>
<context>
    <name>FileSafety</name>
    <message>
        <source>Save As…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Save here anyway</source>
        <translation>Все равно сохранить здесь</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Recover changes</source>
        <translation>Восстановить изменения</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отбросить изменения</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Cannot save in place</source>
        <translation>Нельзя сохранить в тот же файл</translation>
    </message>
    <message>
        <source>Saving over {name} would remove content this app cannot keep:
{items}</source>
        <translation>При сохранении поверх {name} пропадет содержимое, которое программа не умеет сохранять:
{items}</translation>
    </message>
    <message>
        <source>Save your changes as a new file instead; the original stays exactly as it is.</source>
        <translation>Сохраните изменения в новый файл; исходный файл останется в точности как был.</translation>
    </message>
    <message>
        <source>{name} cannot be checked for content a save would remove: {reason}.</source>
        <translation>Не удалось проверить, что из {name} пропадет при сохранении: {reason}.</translation>
    </message>
    <message>
        <source>{program} (by {owner})</source>
        <translation>{program} (пользователь {owner})</translation>
    </message>
    <message>
        <source>File open in another program</source>
        <translation>Файл открыт в другой программе</translation>
    </message>
    <message>
        <source>{name} is open in {holder}.</source>
        <translation>{name} открыт в {holder}.</translation>
    </message>
    <message>
        <source>Saving over it now may fail, or the other program may overwrite your changes when it saves. Save as a new file instead? (If {lock} is left over from a crash, you can save here.)</source>
        <translation>Сохранение поверх него может не удаться, или другая программа перезапишет ваши изменения при своем сохранении. Сохранить в новый файл? (Если {lock} остался после сбоя, можно сохранить здесь.)</translation>
    </message>
    <message>
        <source>You can read and edit it here; when you save, you will be offered Save As so that neither program overwrites the other&apos;s changes.</source>
        <translation>Его можно просматривать и править здесь; при сохранении будет предложено «Сохранить как», чтобы программы не перезаписали изменения друг друга.</translation>
    </message>
    <message>
        <source>The journal was started {since}. </source>
        <translation>Журнал начат {since}. </translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Восстановить несохраненные изменения?</translation>
    </message>
    <message>
        <source>{name} was not closed properly. {changes} to it were kept in the autosave journal.</source>
        <translation>{name} не был закрыт как следует. В журнале автосохранения: {changes}.</translation>
    </message>
    <message>
        <source>Recover the changes to continue where you left off: they go on the undo list, so any of them can be undone. Discard them to keep the file as it was last saved.</source>
        <translation>Восстановите изменения, чтобы продолжить с того же места: они попадут в список отмены, и любое из них можно отменить. Отбросьте их, чтобы оставить файл таким, каким он был сохранен в последний раз.</translation>
    </message>
    <message>
        <source> They are kept in {kept} for reference.</source>
        <translation> Они сохранены в {kept} для справки.</translation>
    </message>
    <message>
        <source>Changes not recovered</source>
        <translation>Изменения не восстановлены</translation>
    </message>
    <message>
        <source>The unsaved changes to {name} could not be recovered: {reason}.</source>
        <translation>Не удалось восстановить несохраненные изменения в {name}: {reason}.</translation>
    </message>
    <message>
        <source>The file is shown as it was last saved.</source>
        <translation>Файл показан таким, каким он был сохранен в последний раз.</translation>
    </message>
    <message numerus="yes">
        <source>Discarded %Ln unsaved change(s) to {name}</source>
        <translation>
            <numerusform>Отброшено %Ln несохраненное изменение в {name}</numerusform>
            <numerusform>Отброшено %Ln несохраненных изменения в {name}</numerusform>
            <numerusform>Отброшено %Ln несохраненных изменений в {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recovered %Ln unsaved change(s) to {name}</source>
        <translation>
            <numerusform>Восстановлено %Ln несохраненное изменение в {name}</numerusform>
            <numerusform>Восстановлено %Ln несохраненных изменения в {name}</numerusform>
            <numerusform>Восстановлено %Ln несохраненных изменений в {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>Autosave is off for this file: the journal cannot be written ({reason})</source>
        <translation>Автосохранение для этого файла выключено: журнал нельзя записать ({reason})</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>North-South ITC (bundled dataset)</source>
        <translation>МТК «Север — Юг» (встроенные данные)</translation>
    </message>
</context>
<context>
    <name>GoalSeekDialog</name>
    <message>
        <source>every country, by one percent</source>
        <translation>все страны, на один процент</translation>
    </message>
    <message>
        <source>Goal Seek</source>
        <translation>Подбор параметра</translation>
    </message>
    <message>
        <source>Reconcile with the published total</source>
        <translation>Свести с опубликованным итогом</translation>
    </message>
    <message>
        <source>Reach a total of</source>
        <translation>Получить итог</translation>
    </message>
    <message>
        <source>save as a percent change (else the amount itself)</source>
        <translation>сохранить как изменение в процентах (иначе — саму сумму)</translation>
    </message>
    <message>
        <source>name of the new scenario</source>
        <translation>название нового сценария</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Change the figure in the Contributions sheet (one undo step)</source>
        <translation>Изменить значение на листе вкладов (один шаг отмены)</translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation>Сохранить как сценарий</translation>
    </message>
    <message>
        <source>Keep the figures as they are; add a scenario holding the answer</source>
        <translation>Оставить данные как есть; добавить сценарий с ответом</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Changing</source>
        <translation>Изменяется</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Reconcile with the published total ({total})</source>
        <translation>Свести с опубликованным итогом ({total})</translation>
    </message>
    <message>
        <source>every country</source>
        <translation>все страны</translation>
    </message>
    <message>
        <source>Goal seek: {who} to {total}</source>
        <translation>Подбор: {who} до {total}</translation>
    </message>
    <message>
        <source>{corridor}: no percent change of every country gives a total of {total} (the parts sum to {sum}); the nearest reachable total is {nearest}</source>
        <translation>{corridor}: никакое процентное изменение всех стран не дает итог {total} (сумма частей {sum}); ближайший достижимый итог — {nearest}</translation>
    </message>
    <message>
        <source>{corridor}: every country changed by {percent} % brings the sum of parts from {current} to {total}</source>
        <translation>{corridor}: изменение всех стран на {percent} % приводит сумму частей с {current} к {total}</translation>
    </message>
    <message>
        <source>{corridor}: {country} cannot bring the sum of parts to {total}: it would need {required}, less than nothing. The nearest reachable total is {nearest}, with {country} at 0</source>
        <translation>{corridor}: {country} не может довести сумму частей до {total}: понадобилось бы {required}, меньше нуля. Ближайший достижимый итог — {nearest}, при нуле у {country}</translation>
    </message>
    <message>
        <source>{corridor}: {country} needs {required} instead of {current} ({change}) for the sum of parts to reach {total}</source>
        <translation>{corridor}, {country}: нужно {required} вместо {current} ({change}), чтобы сумма частей достигла {total}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Country contributions and the published total (38.2 USD bn): the source article of October 2022, citing the Eurasian Development Bank (EADB). Kazakhstan&apos;s targets: the same article, with sourced baselines and later official figures. Projects: named projects in their own currencies. Exchange rates: dated and sourced in the FX sheet. Every row names its source; hover a cell to read it.</source>
        <translation>Вклады стран и опубликованный итог (38,2 млрд долл. США): исходная статья октября 2022 г. со ссылкой на Евразийский банк развития (ЕАБР). Целевые показатели Казахстана: та же статья, базовые значения и более поздние официальные данные — с источниками. Проекты: названные проекты в их собственных валютах. Курсы валют: с датой и источником на листе курсов. У каждой строки указан источник; наведите указатель на ячейку, чтобы его прочитать.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <source>Edit the current cell</source>
        <translation>Изменить текущую ячейку</translation>
    </message>
    <message>
        <source>F2, or start typing</source>
        <translation>F2 или начните ввод</translation>
    </message>
    <message>
        <source>Commit and move down / right</source>
        <translation>Принять и перейти вниз / вправо</translation>
    </message>
    <message>
        <source>Cancel the edit</source>
        <translation>Отменить правку</translation>
    </message>
    <message>
        <source>Select a block</source>
        <translation>Выделить блок</translation>
    </message>
    <message>
        <source>Shift+arrows, Shift+click</source>
        <translation>Shift+стрелки, Shift+щелчок</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Вкладки</translation>
    </message>
    <message>
        <source>Next / previous tab</source>
        <translation>Следующая / предыдущая вкладка</translation>
    </message>
    <message>
        <source>Compare how much each country puts into an investment corridor, and whether it adds up.</source>
        <translation>Сравнение вкладов каждой страны в инвестиционный коридор и проверка, сходится ли сумма.</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>Лицензия: {licence}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bundled data&lt;/b&gt; ({file}): {sources}</source>
        <translation>&lt;b&gt;Встроенные данные&lt;/b&gt; ({file}): {sources}</translation>
    </message>
    <message>
        <source>The user guide could not be opened. It is at:
{path}</source>
        <translation>Не удалось открыть руководство пользователя. Оно находится здесь:
{path}</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Сочетания клавиш…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;About corridor_app</source>
        <translation>&amp;О программе corridor_app</translation>
    </message>
    <message>
        <source>About corridor_app</source>
        <translation>О программе corridor_app</translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message numerus="yes">
        <source>edit %Ln cell(s) in {table}</source>
        <translation>
            <numerusform>правку %Ln ячейки: {table}</numerusform>
            <numerusform>правку %Ln ячеек: {table}</numerusform>
            <numerusform>правку %Ln ячеек: {table}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>insert %Ln row(s) in {table}</source>
        <translation>
            <numerusform>вставку %Ln строки: {table}</numerusform>
            <numerusform>вставку %Ln строк: {table}</numerusform>
            <numerusform>вставку %Ln строк: {table}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %Ln row(s) from {table}</source>
        <translation>
            <numerusform>удаление %Ln строки: {table}</numerusform>
            <numerusform>удаление %Ln строк: {table}</numerusform>
            <numerusform>удаление %Ln строк: {table}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln cell(s)</source>
        <translation>
            <numerusform>вставку %Ln ячейки</numerusform>
            <numerusform>вставку %Ln ячеек</numerusform>
            <numerusform>вставку %Ln ячеек</numerusform>
        </translation>
    </message>
    <message>
        <source>edit {what}</source>
        <translation>правку: {what}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <source>The app did not recognise this table&apos;s headers. Say which row holds the headers and which column is which; the choice is remembered for files with the same headers.</source>
        <translation>Программа не узнала заголовки этой таблицы. Укажите, в какой строке заголовки и какой столбец что содержит; выбор запомнится для файлов с такими же заголовками.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Строка заголовков:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Choose the country and the amount columns.</source>
        <translation>Выберите столбцы страны и суммы.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Read as {encoding}.</source>
        <translation>Прочитано в кодировке {encoding}.</translation>
    </message>
    <message>
        <source>One column is chosen for two roles.</source>
        <translation>Один столбец выбран для двух ролей.</translation>
    </message>
    <message>
        <source>Choose the country and amount.</source>
        <translation>Выберите страну и сумму.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>The language changes when corridor_app is started again.</source>
        <translation>Язык сменится при следующем запуске corridor_app.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Язык системы ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open file</source>
        <translation>Не удалось открыть файл</translation>
    </message>
    <message>
        <source>{error}

The bundled dataset is shown instead.</source>
        <translation>{error}

Вместо него показаны встроенные данные.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy with &amp;headers</source>
        <translation>Копировать с &amp;заголовками</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Вставить</translation>
    </message>
    <message>
        <source>C&amp;lear cells</source>
        <translation>О&amp;чистить ячейки</translation>
    </message>
    <message>
        <source>&amp;Insert row</source>
        <translation>Вставить с&amp;троку</translation>
    </message>
    <message>
        <source>&amp;Delete rows</source>
        <translation>&amp;Удалить строки</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <source>&amp;Goal Seek…</source>
        <translation>&amp;Подбор параметра…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Opening a file: the edit was not made</source>
        <translation>Открывается файл: правка не внесена</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохраненные изменения</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>Сохранить изменения в {name}?</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns});;All files (*)</source>
        <translation>Таблицы ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open corridor workbook</source>
        <translation>Открыть книгу коридоров</translation>
    </message>
    <message>
        <source>Checking the figures…</source>
        <translation>Проверка данных…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Открытие {name}…</translation>
    </message>
    <message>
        <source>{name} was not opened: the current workbook stays</source>
        <translation>{name} не открыт: остается текущая книга</translation>
    </message>
    <message>
        <source>The file could not be opened ({error}).</source>
        <translation>Не удалось открыть файл ({error}).</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>{error}

Save as a new file instead?</source>
        <translation>{error}

Сохранить в новый файл?</translation>
    </message>
    <message>
        <source>Cannot save in place</source>
        <translation>Нельзя сохранить в тот же файл</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Сохранено: {name}</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s): {first}</source>
        <translation>
            <numerusform>%Ln предупреждение: {first}</numerusform>
            <numerusform>%Ln предупреждения: {first}</numerusform>
            <numerusform>%Ln предупреждений: {first}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export still running</source>
        <translation>Экспорт еще выполняется</translation>
    </message>
    <message>
        <source>The report {name} is still being written. Stop it and close?

The previous report, if any, stays as it was.</source>
        <translation>Отчет {name} еще записывается. Остановить запись и закрыть?

Прежний отчет, если он был, останется без изменений.</translation>
    </message>
</context>
<context>
    <name>PacingModel</name>
    <message>
        <source>Target</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>Целевое значение</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>Целевой год</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Выполнение</translation>
    </message>
    <message>
        <source>Pace needed / yr</source>
        <translation>Нужный темп в год</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>met</source>
        <translation>достигнуто</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в процессе</translation>
    </message>
    <message>
        <source>past due</source>
        <translation>срок прошел</translation>
    </message>
    <message>
        <source>no pace</source>
        <translation>темп не определен</translation>
    </message>
</context>
<context>
    <name>PacingPanel</name>
    <message>
        <source>Targets without a baseline are paced from the start of this year</source>
        <translation>Темп для целей без базового значения считается с начала этого года</translation>
    </message>
    <message>
        <source>Progress toward each target (baseline / target)</source>
        <translation>Выполнение целей (база / цель)</translation>
    </message>
    <message>
        <source>Pace targets without a baseline from</source>
        <translation>Темп для целей без базового значения — с</translation>
    </message>
    <message>
        <source>% of the target</source>
        <translation>% от цели</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Latest / goal</source>
        <translation>Последнее / цель</translation>
    </message>
    <message>
        <source>Reach year</source>
        <translation>Год достижения</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>отстает</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>по плану</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>достигнуто</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>The target to draw</source>
        <translation>Показатель для графика</translation>
    </message>
    <message>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <source>official figures</source>
        <translation>официальные данные</translation>
    </message>
    <message>
        <source>required path</source>
        <translation>нужная траектория</translation>
    </message>
    <message>
        <source>at the pace seen</source>
        <translation>при нынешнем темпе</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>{label}
goal {goal} by {year}; projected {projected}
{basis}</source>
        <translation>{label}
цель {goal} к {year}; прогноз {projected}
{basis}</translation>
    </message>
    <message>
        <source>No targets with a value and a target year</source>
        <translation>Нет показателей со значением и целевым годом</translation>
    </message>
    <message>
        <source>goal {goal} by {year}</source>
        <translation>цель {goal} к {year}</translation>
    </message>
    <message>
        <source>running total</source>
        <translation>нарастающим итогом</translation>
    </message>
    <message>
        <source>level</source>
        <translation>уровень</translation>
    </message>
    <message>
        <source>No yearly figures yet: add them on the Progress sheet</source>
        <translation>Годовых данных пока нет: добавьте их на лист выполнения</translation>
    </message>
    <message>
        <source> points</source>
        <translation> п. п.</translation>
    </message>
    <message>
        <source>Needed: {pace} a year.</source>
        <translation>Нужно: {pace} в год.</translation>
    </message>
    <message>
        <source>Seen: {pace} a year.</source>
        <translation>Фактически: {pace} в год.</translation>
    </message>
    <message>
        <source>not at this pace</source>
        <translation>не при этом темпе</translation>
    </message>
    <message>
        <source>Goal reached: {year}.</source>
        <translation>Цель будет достигнута: {year}.</translation>
    </message>
    <message>
        <source> (total {total})</source>
        <translation> (итого {total})</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>не указан</translation>
    </message>
    <message>
        <source>source: {source}</source>
        <translation>источник: {source}</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Reading the cells…</source>
        <translation>Чтение ячеек…</translation>
    </message>
    <message>
        <source>Building the tables…</source>
        <translation>Построение таблиц…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Проверка файла…</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Чтение {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop this work; what was there before stays as it was</source>
        <translation>Остановить; все останется как было</translation>
    </message>
</context>
<context>
    <name>ProjectsBreakdownChart</name>
    <message>
        <source>(all corridors)</source>
        <translation>(все коридоры)</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Projects of</source>
        <translation>Проекты:</translation>
    </message>
    <message>
        <source>bars by</source>
        <translation>столбцы:</translation>
    </message>
    <message>
        <source>stacked by</source>
        <translation>слои:</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Вклады</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>Projects − contributions</source>
        <translation>Проекты − вклады</translation>
    </message>
    <message>
        <source>all corridors</source>
        <translation>все коридоры</translation>
    </message>
    <message>
        <source>Project costs, {corridor} ({unit})</source>
        <translation>Стоимость проектов, {corridor} ({unit})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln project(s), {total} {display}</source>
        <translation>
            <numerusform>%Ln проект, {total} {display}</numerusform>
            <numerusform>%Ln проекта, {total} {display}</numerusform>
            <numerusform>%Ln проектов, {total} {display}</numerusform>
        </translation>
    </message>
    <message>
        <source>Converted:</source>
        <translation>Пересчитано:</translation>
    </message>
    <message>
        <source>Not converted, in no total ({count}):</source>
        <translation>Не пересчитано, не входит в итоги ({count}):</translation>
    </message>
    <message>
        <source>No cost given ({count}):</source>
        <translation>Стоимость не указана ({count}):</translation>
    </message>
    <message>
        <source>Country-level figures: choose a corridor that has contributions to compare.</source>
        <translation>Показатели по странам: выберите коридор, для которого есть вклады.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{corridor}&lt;/b&gt;: projects beside country contributions ({display}); the difference is shown, not absorbed</source>
        <translation>&lt;b&gt;{corridor}&lt;/b&gt;: проекты рядом со вкладами стран ({display}); разница показывается, а не скрывается</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>“{0}” is not a number</source>
        <translation>«{0}» — не число</translation>
    </message>
    <message>
        <source>“{0}” holds no number</source>
        <translation>в «{0}» нет числа</translation>
    </message>
    <message>
        <source>“{0}” holds more than one number</source>
        <translation>в «{0}» больше одного числа</translation>
    </message>
    <message>
        <source>“{0}”: digit groups are not in threes</source>
        <translation>«{0}»: разряды сгруппированы не по три цифры</translation>
    </message>
    <message>
        <source>“{0}” holds no number after the bound word</source>
        <translation>в «{0}» нет числа после слова-границы</translation>
    </message>
    <message>
        <source>“{0}”: the two ends of the range are in different units</source>
        <translation>«{0}»: концы диапазона в разных единицах</translation>
    </message>
    <message>
        <source>“{0}”: the low end {1} is above the high end {2}</source>
        <translation>«{0}»: нижний конец {1} больше верхнего {2}</translation>
    </message>
    <message>
        <source>{0} must be one of {1}, not “{2}”</source>
        <translation>{0}: допустимые значения — {1}, а не «{2}»</translation>
    </message>
    <message>
        <source>{0} {1} is above the {2} {3}</source>
        <translation>{0} {1} больше значения «{2}» {3}</translation>
    </message>
    <message>
        <source>{0} {1} is below the {2} {3}</source>
        <translation>{0} {1} меньше значения «{2}» {3}</translation>
    </message>
</context>
<context>
    <name>ReconciliationPanel</name>
    <message>
        <source> (approximate: {count})</source>
        <translation> (приблизительных: {count})</translation>
    </message>
    <message>
        <source>Ranges: parts &lt;b&gt;{parts}&lt;/b&gt;{approx}</source>
        <translation>Диапазоны: части &lt;b&gt;{parts}&lt;/b&gt;{approx}</translation>
    </message>
    <message>
        <source> (approximate)</source>
        <translation> (приблизительно)</translation>
    </message>
    <message>
        <source>Ranges: parts &lt;b&gt;{parts}&lt;/b&gt;{approx}, published &lt;b&gt;{published}&lt;/b&gt;: </source>
        <translation>Диапазоны: части &lt;b&gt;{parts}&lt;/b&gt;{approx}, опубликовано &lt;b&gt;{published}&lt;/b&gt;: </translation>
    </message>
    <message>
        <source>No contributions</source>
        <translation>Нет вкладов</translation>
    </message>
    <message>
        <source>Sum of parts &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Сумма частей &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Published total &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Опубликованный итог &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Residual &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Невязка &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%Ln not counted</source>
        <translation>
            <numerusform>%Ln не учтен</numerusform>
            <numerusform>%Ln не учтены</numerusform>
            <numerusform>%Ln не учтены</numerusform>
        </translation>
    </message>
    <message>
        <source>The published total and the sum of the country amounts differ.</source>
        <translation>Опубликованный итог и сумма вкладов стран расходятся.</translation>
    </message>
    <message>
        <source>The published total matches the sum of the parts.</source>
        <translation>Опубликованный итог совпадает с суммой частей.</translation>
    </message>
    <message>
        <source>No published total for this corridor (add one in the Totals tab).</source>
        <translation>Для этого коридора нет опубликованного итога (добавьте его на вкладке «Итоги»).</translation>
    </message>
</context>
<context>
    <name>ScenarioCharts</name>
    <message>
        <source>Baseline</source>
        <translation>Базовый</translation>
    </message>
    <message>
        <source>Amount by country and scenario</source>
        <translation>Суммы по странам и сценариям</translation>
    </message>
    <message>
        <source>From baseline to scenario</source>
        <translation>От базового варианта к сценарию</translation>
    </message>
    <message>
        <source>Sensitivity of the total</source>
        <translation>Чувствительность итога</translation>
    </message>
    <message>
        <source>or own low/high</source>
        <translation>или свои оценки</translation>
    </message>
    <message>
        <source>Each country moves to the Low and High stated for it; a point figure stays put</source>
        <translation>Каждая страна смещается к своим нижней и верхней оценкам; точное значение остается на месте</translation>
    </message>
    <message>
        <source>Tornado: each country moves by ±</source>
        <translation>Торнадо: каждая страна ±</translation>
    </message>
    <message>
        <source>From baseline to scenario (no scenario)</source>
        <translation>От базового варианта к сценарию (сценария нет)</translation>
    </message>
    <message>
        <source>Baseline to {scenario}: {delta}</source>
        <translation>Базовый → «{scenario}»: {delta}</translation>
    </message>
    <message>
        <source>{scenario}: total {total} when one country moves to its own low/high</source>
        <translation>{scenario}: итог {total}, когда одна страна смещается к своим нижней/верхней оценкам</translation>
    </message>
    <message>
        <source>{scenario}: total {total} when one country moves ±{pct} %</source>
        <translation>{scenario}: итог {total} при изменении вклада страны на ±{pct} %</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>New…</source>
        <translation>Новый…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Копировать…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Kind: percent (-50 halves), override (new amount), add (amount to add), exclude, none.
A blank country or * means every country; applied top to bottom.</source>
        <translation>Вид: percent — процент (-50 уменьшает вдвое), override — новая сумма, add — прибавить, exclude — исключить, none — нет.
Пустая страна или * означает все страны; корректировки применяются сверху вниз.</translation>
    </message>
    <message>
        <source>Add adjustment</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove adjustment</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt; (illustrations, not forecasts)</source>
        <translation>&lt;b&gt;Сценарии&lt;/b&gt; (иллюстрации, а не прогнозы)</translation>
    </message>
    <message>
        <source>Adjustments of the selected scenario</source>
        <translation>Корректировки выбранного сценария</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Новый сценарий</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (копия)</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>Копировать сценарий</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Название копии:</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Переименовать сценарий</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
</context>
<context>
    <name>ScenarioTotalsModel</name>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Δ vs baseline</source>
        <translation>Δ к базовому</translation>
    </message>
    <message>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
    <message>
        <source>Published total</source>
        <translation>Опубликованный итог</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>Невязка</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Базовый</translation>
    </message>
    <message>
        <source>Share: {country}</source>
        <translation>Доля: {country}</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>исключено</translation>
    </message>
</context>
<context>
    <name>SharesChart</name>
    <message>
        <source>share of the sum of parts, %</source>
        <translation>доля в сумме частей, %</translation>
    </message>
    <message>
        <source>{corridor}: shares of the sum of parts</source>
        <translation>{corridor}: доли в сумме частей</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Filter rows (Ctrl+F)</source>
        <translation>Фильтр строк (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show the Low, High and Approximate columns</source>
        <translation>Показать столбцы «Нижняя оценка», «Верхняя оценка» и «Приблизительно»</translation>
    </message>
    <message numerus="yes">
        <source>Searching %Ln row(s) for “{text}”…</source>
        <translation>
            <numerusform>Поиск «{text}» в %Ln строке…</numerusform>
            <numerusform>Поиск «{text}» в %Ln строках…</numerusform>
            <numerusform>Поиск «{text}» в %Ln строках…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) match “{text}”</source>
        <translation>
            <numerusform>%Ln строка соответствует «{text}»</numerusform>
            <numerusform>%Ln строки соответствуют «{text}»</numerusform>
            <numerusform>%Ln строк соответствуют «{text}»</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy with headers</source>
        <translation>Копировать с заголовками</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <source>Insert row below</source>
        <translation>Вставить строку ниже</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>Удалить строки</translation>
    </message>
    <message>
        <source>Clear cells</source>
        <translation>Очистить ячейки</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln cell(s)</source>
        <translation>
            <numerusform>Скопирована %Ln ячейка</numerusform>
            <numerusform>Скопированы %Ln ячейки</numerusform>
            <numerusform>Скопировано %Ln ячеек</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste: select the cell where the block should start</source>
        <translation>Вставка: выберите ячейку, с которой начнется блок</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %Ln cell(s)</source>
        <translation>
            <numerusform>Вставлена %Ln ячейка</numerusform>
            <numerusform>Вставлены %Ln ячейки</numerusform>
            <numerusform>Вставлено %Ln ячеек</numerusform>
        </translation>
    </message>
    <message>
        <source>Row inserted: type its values; Ctrl+Z removes it</source>
        <translation>Строка вставлена: введите значения; Ctrl+Z удалит ее</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln row(s); Ctrl+Z restores</source>
        <translation>
            <numerusform>Удалена %Ln строка; Ctrl+Z вернет ее</numerusform>
            <numerusform>Удалены %Ln строки; Ctrl+Z вернет их</numerusform>
            <numerusform>Удалено %Ln строк; Ctrl+Z вернет их</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Contributions</source>
        <translation>Вклады</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Выполнение</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <source>FX</source>
        <translation>Курсы</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Журнал</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>no published total</source>
        <translation>нет опубликованного итога</translation>
    </message>
    <message>
        <source>does not reconcile</source>
        <translation>не сходится</translation>
    </message>
    <message>
        <source>reconciles</source>
        <translation>сходится</translation>
    </message>
    <message>
        <source>consistent within the ranges</source>
        <translation>согласуется в пределах диапазонов</translation>
    </message>
    <message>
        <source>outside the ranges</source>
        <translation>вне диапазонов</translation>
    </message>
</context>
<context>
    <name>WorkbookTableModel</name>
    <message>
        <source>In the file: {header}</source>
        <translation>В файле: {header}</translation>
    </message>
    <message>
        <source>From {sheet}, row {row}</source>
        <translation>Из листа {sheet}, строка {row}</translation>
    </message>
    <message>
        <source>No source given for this figure</source>
        <translation>Для этого показателя не указан источник</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <source>{column}, row {row}: {reason}; the old value is kept</source>
        <translation>{column}, строка {row}: {reason}; прежнее значение сохранено</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>(no corridor)</source>
        <translation>(без коридора)</translation>
    </message>
    <message>
        <source>Corridor:</source>
        <translation>Коридор:</translation>
    </message>
    <message>
        <source>Display:</source>
        <translation>Валюта:</translation>
    </message>
</context>
<context>
    <name>YearsChart</name>
    <message>
        <source>One year</source>
        <translation>Один год</translation>
    </message>
    <message>
        <source>All years stacked</source>
        <translation>Все годы с накоплением</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Динамика</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <source>No contribution of this corridor has a year: load a table with a column per year.</source>
        <translation>Ни у одного вклада этого коридора нет года: загрузите таблицу со столбцом на каждый год.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln countries</source>
        <translation>
            <numerusform>%Ln страна</numerusform>
            <numerusform>%Ln страны</numerusform>
            <numerusform>%Ln стран</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{countries}, %Ln years</source>
        <translation>
            <numerusform>{countries}, %Ln год</numerusform>
            <numerusform>{countries}, %Ln года</numerusform>
            <numerusform>{countries}, %Ln лет</numerusform>
        </translation>
    </message>
    <message>
        <source>others</source>
        <translation>прочие</translation>
    </message>
    <message>
        <source>All years, by country</source>
        <translation>Все годы, по странам</translation>
    </message>
    <message>
        <source>sum of parts</source>
        <translation>сумма частей</translation>
    </message>
    <message>
        <source>Sum of parts per year</source>
        <translation>Сумма частей по годам</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%Ln unsaved change(s)</source>
        <translation>
            <numerusform>%Ln несохраненное изменение</numerusform>
            <numerusform>%Ln несохраненных изменения</numerusform>
            <numerusform>%Ln несохраненных изменений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>save</name>
    <message>
        <source>is still being saved; try again when that save has finished</source>
        <translation>еще сохраняется; повторите, когда сохранение закончится</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Сохранение {name}…</translation>
    </message>
    <message>
        <source>the save was stopped before it reported back; check the file before relying on it</source>
        <translation>сохранение прервалось, не сообщив результат; проверьте файл, прежде чем на него полагаться</translation>
    </message>
</context>
</TS>
