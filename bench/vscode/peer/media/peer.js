// The peer webview's whole script: mark the start and show one line of text.
performance.mark('sl-script');
document.getElementById('peer').textContent = 'empty webview';
performance.mark('sl-drawn');
