"""The read side's figures, Streamlit-free: pure functions (frames in, frames out) and `service`, one
function per figure from a warehouse connection. Pages, report, CLI, benchmarks and tests all call these."""
