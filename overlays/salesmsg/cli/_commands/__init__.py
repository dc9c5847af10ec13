"""One module per command group; each function takes the `Context` and writes its result.

Imported only when its command runs (`salesmsg.cli._parser` names them as "module:function").
"""
