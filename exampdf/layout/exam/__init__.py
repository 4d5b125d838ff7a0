"""layout/exam"""
