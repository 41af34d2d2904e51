<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FileSafety</name>
    <message numerus="yes">
        <source>Discarded %Ln unsaved change(s) to {name}</source>
        <translation>
            <numerusform>Discarded %Ln unsaved change to {name}</numerusform>
            <numerusform>Discarded %Ln unsaved changes to {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recovered %Ln unsaved change(s) to {name}</source>
        <translation>
            <numerusform>Recovered %Ln unsaved change to {name}</numerusform>
            <numerusform>Recovered %Ln unsaved changes to {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message numerus="yes">
        <source>edit %Ln cell(s) in {table}</source>
        <translation>
            <numerusform>edit %Ln cell in {table}</numerusform>
            <numerusform>edit %Ln cells in {table}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>insert %Ln row(s) in {table}</source>
        <translation>
            <numerusform>insert %Ln row in {table}</numerusform>
            <numerusform>insert %Ln rows in {table}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %Ln row(s) from {table}</source>
        <translation>
            <numerusform>delete %Ln row from {table}</numerusform>
            <numerusform>delete %Ln rows from {table}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln cell(s)</source>
        <translation>
            <numerusform>Paste %Ln cell</numerusform>
            <numerusform>Paste %Ln cells</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln warning(s): {first}</source>
        <translation>
            <numerusform>%Ln warning: {first}</numerusform>
            <numerusform>%Ln warnings: {first}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectsBreakdownChart</name>
    <message numerus="yes">
        <source>%Ln project(s), {total} {display}</source>
        <translation>
            <numerusform>%Ln project, {total} {display}</numerusform>
            <numerusform>%Ln projects, {total} {display}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconciliationPanel</name>
    <message numerus="yes">
        <source>%Ln not counted</source>
        <translation>
            <numerusform>%Ln not counted</numerusform>
            <numerusform>%Ln not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message numerus="yes">
        <source>Searching %Ln row(s) for “{text}”…</source>
        <translation>
            <numerusform>Searching %Ln row for “{text}”…</numerusform>
            <numerusform>Searching %Ln rows for “{text}”…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) match “{text}”</source>
        <translation>
            <numerusform>%Ln row match “{text}”</numerusform>
            <numerusform>%Ln rows match “{text}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln cell(s)</source>
        <translation>
            <numerusform>Copied %Ln cell</numerusform>
            <numerusform>Copied %Ln cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %Ln cell(s)</source>
        <translation>
            <numerusform>Pasted %Ln cell</numerusform>
            <numerusform>Pasted %Ln cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln row(s); Ctrl+Z restores</source>
        <translation>
            <numerusform>Deleted %Ln row; Ctrl+Z restores</numerusform>
            <numerusform>Deleted %Ln rows; Ctrl+Z restores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YearsChart</name>
    <message numerus="yes">
        <source>%Ln countries</source>
        <translation>
            <numerusform>%Ln country</numerusform>
            <numerusform>%Ln countries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{countries}, %Ln years</source>
        <translation>
            <numerusform>{countries}, %Ln year</numerusform>
            <numerusform>{countries}, %Ln years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>%Ln unsaved change(s)</source>
        <translation>
            <numerusform>%Ln unsaved change</numerusform>
            <numerusform>%Ln unsaved changes</numerusform>
        </translation>
    </message>
</context>
</TS>
