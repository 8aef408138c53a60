"""The fictional committee (虚构示例) that lessons and exercises compute on.

- `committee`: `generate_committee`, the roster and its duty records as frames;
- `members`, `records`, `proposals`: the draws behind each frame.

May import: `trainingkit.duties.summary` (the frames' contract), `trainingkit.resources`.
"""
